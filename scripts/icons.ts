// `npm run icons`: every icon the desktop package needs, drawn from the one source image
// build/icon.svg — PNGs of each size (Linux, the tray), icon.ico (Windows, PNG-compressed entries)
// and icon.icns (macOS). resvg (WebAssembly, no native code) draws each size from the vectors;
// png2icons (pure JavaScript) packs the ICO and ICNS containers.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import * as png2icons from 'png2icons';

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

let wasmReady: Promise<void> | undefined;

export interface IconSet {
  pngs: string[];
  ico: string;
  icns: string;
}

/** Draws build/icons/NxN.png for every size, build/icon.png (512), build/icon.ico and build/icon.icns. */
export async function generateIcons(root = path.resolve(__dirname, '..')): Promise<IconSet> {
  const req = createRequire(__filename);
  wasmReady ??= initWasm(fs.readFileSync(req.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  await wasmReady;
  const build = path.join(root, 'build');
  const svg = fs.readFileSync(path.join(build, 'icon.svg'), 'utf8');
  const dir = path.join(build, 'icons');
  fs.mkdirSync(dir, { recursive: true });
  const pngs: string[] = [];
  const bySize = new Map<number, Buffer>();
  for (const size of ICON_SIZES) {
    const png = Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
    const file = path.join(dir, `${size}x${size}.png`);
    fs.writeFileSync(file, png);
    bySize.set(size, png);
    pngs.push(file);
  }
  fs.writeFileSync(path.join(build, 'icon.png'), bySize.get(512)!);
  const ico = png2icons.createICO(bySize.get(256)!, png2icons.BICUBIC2, 0, true, true);
  const icns = png2icons.createICNS(bySize.get(1024)!, png2icons.BICUBIC2, 0);
  if (!ico || !icns) throw new Error('png2icons could not pack the ICO or ICNS from build/icon.svg');
  const icoFile = path.join(build, 'icon.ico');
  const icnsFile = path.join(build, 'icon.icns');
  fs.writeFileSync(icoFile, ico);
  fs.writeFileSync(icnsFile, icns);
  return { pngs, ico: icoFile, icns: icnsFile };
}

if (require.main === module) {
  generateIcons().then(
    (s) => console.log(`icons: ${s.pngs.length} PNG sizes, ${path.basename(s.ico)}, ${path.basename(s.icns)} in build/`),
    (err: unknown) => {
      console.error(`icons: ${(err as Error).message}`);
      process.exitCode = 1;
    },
  );
}
