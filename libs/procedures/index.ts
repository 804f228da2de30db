export * from './dto/create-procedure.dto';
export * from './procedure.service';
export * from './procedures.module';
export { foldKey } from './procedure-rows';
