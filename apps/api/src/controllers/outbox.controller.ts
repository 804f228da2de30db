import { Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { Roles } from '@cchc/auth';
import { DeadLetter, OutboxDeadLetters } from '@cchc/queue';
import { ApiErrors, ApiSignedIn } from '../openapi';
import { DeadLetterDto, RetriedDto } from './outbox.dto';

class DeadLetterParams {
  @ApiProperty({ example: '42', description: 'Mã dòng outbox' })
  @Matches(/^[1-9]\d{0,17}$/, { message: 'mã dòng outbox phải là số nguyên dương' })
  id: string;
}

/** Jobs that failed every attempt (dead letters), and sending them again. */
@ApiTags('outbox')
@ApiSignedIn()
@ApiErrors(403)
@Roles('coordinator')
@Controller('outbox/dead-letters')
export class OutboxController {
  constructor(private readonly deadLetters: OutboxDeadLetters) {}

  @ApiOperation({ summary: 'Các việc nền đã thất bại mọi lần thử (thư chết)' })
  @ApiOkResponse({ type: [DeadLetterDto] })
  @Get()
  list(): Promise<DeadLetter[]> {
    return this.deadLetters.list();
  }

  @ApiOperation({ summary: 'Gửi lại mọi thư chết' })
  @ApiOkResponse({ type: RetriedDto })
  @Post('retry')
  @HttpCode(200)
  async retryAll(): Promise<{ retried: string[] }> {
    return { retried: await this.deadLetters.retry('all') };
  }

  @ApiOperation({ summary: 'Gửi lại một thư chết' })
  @ApiOkResponse({ type: RetriedDto })
  @ApiErrors(400, 404)
  @Post(':id/retry')
  @HttpCode(200)
  async retry(@Param() { id }: DeadLetterParams): Promise<{ retried: string[] }> {
    const retried = await this.deadLetters.retry([id]);
    if (retried.length === 0)
      throw new NotFoundException(`Không có thư chết (dead letter) nào mang mã ${id}`);
    return { retried };
  }
}
