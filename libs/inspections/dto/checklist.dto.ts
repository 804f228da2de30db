import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { IsNestedList, IsText } from '@cchc/common';
import { CHECKLIST_RESULTS, ChecklistResult } from '@cchc/domain';

export class ChecklistTopicDto {
  @ApiProperty({ example: 'PAKN', description: 'Mã nội dung: chữ in hoa, số, _ (tối đa 32)' })
  @Matches(/^[A-Z0-9_]{1,32}$/, {
    message: 'topics[].code: mã nội dung chỉ gồm chữ in hoa, số và dấu _ (tối đa 32 ký tự)',
  })
  code: string;

  @ApiProperty({ example: 'Tiếp nhận, xử lý phản ánh, kiến nghị (PAKN)', maxLength: 255 })
  @IsText(255)
  title: string;
}

export class ChecklistTemplateDto {
  @ApiProperty({ type: [ChecklistTopicDto], minItems: 1, maxItems: 50 })
  @IsArray({ message: 'topics phải là danh sách nội dung kiểm tra' })
  @ArrayMinSize(1, { message: 'topics: cần ít nhất một nội dung kiểm tra' })
  @ArrayMaxSize(50, { message: 'topics: tối đa 50 nội dung kiểm tra' })
  @IsNestedList(() => ChecklistTopicDto)
  topics: ChecklistTopicDto[];
}

export class ChecklistTemplateView extends ChecklistTemplateDto {
  @ApiProperty({ enum: ['default', 'ward'], description: 'Mẫu mặc định hay mẫu riêng của phường' })
  source: 'default' | 'ward';
}

export class ChecklistResultDto {
  @ApiProperty({ example: 'PAKN' })
  @Matches(/^[A-Z0-9_]{1,32}$/, { message: 'results[].topicCode: mã nội dung không hợp lệ' })
  topicCode: string;

  @ApiProperty({ enum: CHECKLIST_RESULTS, description: 'dat (Đạt) hoặc khong_dat (Không đạt)' })
  @IsIn(CHECKLIST_RESULTS, { message: 'results[].result phải là dat hoặc khong_dat' })
  result: ChecklistResult;

  @ApiProperty({ required: false, nullable: true, maxLength: 2000, description: 'Ghi chú' })
  @IsOptional()
  @IsText(2000, { allowBlank: true })
  note?: string;
}
