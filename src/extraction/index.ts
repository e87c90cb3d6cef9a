export { decodeInput, formatOf, type InputFormat } from './decode.ts';
export { extractDocument } from './extract.ts';
export { recordToDocument } from './record.ts';
export { extractFacets, type Facets } from './facets.ts';
