import { Module } from '@nestjs/common';
import { DossiersModule } from '@cchc/dossiers';
import { EvidenceModule } from '@cchc/evidence';
import { ParIndexModule } from '@cchc/par-index';
import { ProvinceService } from './province.service';

@Module({
  imports: [DossiersModule, EvidenceModule, ParIndexModule],
  providers: [ProvinceService],
  exports: [ProvinceService],
})
export class ProvinceModule {}
