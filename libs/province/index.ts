export * from './dto/province-view.dto';
export { ProvinceService } from './province.service';
export { ProvinceModule } from './province.module';
