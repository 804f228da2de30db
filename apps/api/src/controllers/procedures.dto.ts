import { ApiProperty } from '@nestjs/swagger';
import { CatalogImportResult, ProcedureView } from '@cchc/procedures';

export class ProcedureViewDto implements ProcedureView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '1.001612' })
  code: string;

  @ApiProperty({ example: 'Đăng ký khai sinh' })
  name: string;

  @ApiProperty({ example: 5, description: 'Thời hạn giải quyết (ngày làm việc)' })
  processingDays: number;

  @ApiProperty({ format: 'uuid' })
  handlingUnitId: string;
}

export class CatalogImportResultDto implements CatalogImportResult {
  @ApiProperty()
  created: number;

  @ApiProperty()
  updated: number;

  @ApiProperty({ type: [ProcedureViewDto] })
  procedures: ProcedureViewDto[];
}
