// Invented names for the demo world (no real club, player or coach).
import type { Rng } from './rng';

const TOWN_START = ['Ash', 'Bel', 'Brack', 'Cal', 'Dun', 'Els', 'Fern', 'Glen', 'Hal', 'Ivy', 'Kel', 'Lin', 'Mar', 'Nor', 'Oak',
  'Pen', 'Quar', 'Ros', 'Sel', 'Thorn', 'Val', 'Wes', 'Yar', 'Zan', 'Cor', 'Dal', 'Eb', 'Gar', 'Har', 'Lor', 'Mon', 'Ral', 'Sor', 'Tav', 'Ver', 'Wyn'];
const TOWN_END = ['bridge', 'ford', 'mouth', 'wick', 'ton', 'field', 'stead', 'haven', 'mere', 'dale', 'burg', 'ora', 'ena', 'ino', 'heim',
  'ville', 'mont', 'ria', 'vik', 'holm'];
const CLUB_FORMS = ['{t} United', '{t} City', '{t} FC', 'Real {t}', 'Sporting {t}', '{t} Athletic', 'Dynamo {t}', '{t} Rovers', 'AC {t}', '{t} Wanderers', 'Olympic {t}', '{t} Town'];
const FIRST = ['Adam', 'Bruno', 'Carlos', 'Dario', 'Emil', 'Felix', 'Goran', 'Hugo', 'Ivan', 'Jonas', 'Kai', 'Luca', 'Mateo', 'Nils', 'Oscar',
  'Pablo', 'Rafael', 'Sami', 'Tomas', 'Umar', 'Viktor', 'Wim', 'Yannick', 'Zeno', 'Aron', 'Bastian', 'Cyril', 'Dmitri', 'Enzo', 'Filip',
  'Gael', 'Henrik', 'Idris', 'Jorge', 'Kofi', 'Lars', 'Milan', 'Nico', 'Omar', 'Pietro', 'Rune', 'Stefan', 'Theo', 'Vasco', 'Youssef'];
const LAST_START = ['Ab', 'Bar', 'Cas', 'Del', 'Est', 'Fon', 'Gal', 'Hen', 'Ibr', 'Jan', 'Kor', 'Lam', 'Mor', 'Nov', 'Ost', 'Par', 'Quin',
  'Ros', 'San', 'Tor', 'Urb', 'Val', 'Wal', 'Xav', 'Yil', 'Zor', 'Bel', 'Dan', 'Fer', 'Hol', 'Kra', 'Lind', 'Mar', 'Pet', 'Sil', 'Vor'];
const LAST_END = ['ani', 'ardo', 'berg', 'ci', 'dottir', 'ek', 'elli', 'ez', 'ford', 'ic', 'inho', 'kov', 'lund', 'man', 'ov', 'quist',
  'sen', 'son', 'sky', 'ton', 'uk', 'vic', 'os', 'ier', 'ard'];

/** `count` distinct club names. `taken` holds names already used (across leagues). */
export function clubNames(rng: Rng, count: number, taken: Set<string>): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const town = rng.pick(TOWN_START) + rng.pick(TOWN_END);
    const name = rng.pick(CLUB_FORMS).replace('{t}', town);
    const townTaken = [...taken].some((n) => n.includes(town));
    if (taken.has(name) || townTaken) continue;
    taken.add(name);
    out.push(name);
  }
  return out;
}

export function personName(rng: Rng): string {
  return `${rng.pick(FIRST)} ${rng.pick(LAST_START)}${rng.pick(LAST_END)}`;
}
