import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class ProvinceWardView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'demo' }) code: string;
  @ApiProperty({ example: 'Phường Mẫu' }) name: string;
}

export class WardRankingView {
  @ApiProperty({ description: 'Thứ hạng (1 = cao nhất)' }) rank: number;
  @ApiProperty({ type: ProvinceWardView }) ward: ProvinceWardView;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Tỷ lệ hồ sơ TTHC đúng hạn (0–1, QĐ 766)',
  })
  dossierOnTimeRate: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Tỷ lệ hồ sơ quá hạn có phiếu xin lỗi (0–1)',
  })
  apologyCoverage: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Tỷ lệ báo cáo định kỳ gửi đúng hạn (0–1)',
  })
  reportsOnTimeRate: number | null;
  @ApiProperty({ description: 'Số báo cáo định kỳ đã đến hạn gửi trong năm' }) reportsDue: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Điểm tự đánh giá Chỉ số CCHC' })
  parPoints: number | null;
  @ApiProperty({ type: Number, nullable: true }) parMaxPoints: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Phần trăm điểm tự đánh giá' })
  parPercent: number | null;
}

export class RankingsView {
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Cách xếp hạng' }) orderedBy: string;
  @ApiProperty({ type: [WardRankingView] }) wards: WardRankingView[];
}

export class RankingsQuery {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt({ message: 'year phải là số năm' })
  @Min(2000, { message: 'year từ 2000' })
  @Max(2100, { message: 'year đến 2100' })
  year: number;
}
