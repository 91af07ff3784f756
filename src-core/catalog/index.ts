export {
  Catalog,
  compareCodes,
  levelOfCode,
  ancestorCodes,
  type CatalogEntry,
  type CustomCatalog,
} from './catalog';
export { parseCatalogRows, parseCsv, parseDelimited, type CatalogImport } from './import-catalog';
