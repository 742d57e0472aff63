export { call, uploadImport, subscribe, setTransport, currentTransport, pickTransport, ContractCallError } from './client';
export type { Transport } from './transport';
