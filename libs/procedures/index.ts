export * from './dto/create-procedure.dto';
export * from './procedure.service';
export * from './procedures.module';
export { readSheetFile, SHEET_MAX_BYTES } from './catalog-file';
export {
  foldKey,
  locateColumns,
  unitResolver,
  type CatalogRow as SheetRow,
  type RowProblem,
} from './procedure-rows';
