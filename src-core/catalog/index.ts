export { Catalog, compareCodes, levelOfCode, ancestorCodes, type CatalogEntry, type CustomCatalog } from './catalog';
