import { Module } from '@nestjs/common';
import { DossiersModule } from '@cchc/dossiers';
import { ParIndexModule } from '@cchc/par-index';
import { ProvinceService } from './province.service';

@Module({
  imports: [DossiersModule, ParIndexModule],
  providers: [ProvinceService],
  exports: [ProvinceService],
})
export class ProvinceModule {}
