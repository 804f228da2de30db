import { Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { Roles } from '@cchc/auth';
import { DeadLetter, OutboxDeadLetters } from '@cchc/queue';

class DeadLetterParams {
  @Matches(/^[1-9]\d{0,17}$/, { message: 'mã dòng outbox phải là số nguyên dương' })
  id: string;
}

/** Jobs that failed every attempt (dead letters), and sending them again. */
@ApiTags('outbox')
@ApiBearerAuth()
@Roles('coordinator')
@Controller('outbox/dead-letters')
export class OutboxController {
  constructor(private readonly deadLetters: OutboxDeadLetters) {}

  @Get()
  list(): Promise<DeadLetter[]> {
    return this.deadLetters.list();
  }

  @Post('retry')
  @HttpCode(200)
  async retryAll(): Promise<{ retried: string[] }> {
    return { retried: await this.deadLetters.retry('all') };
  }

  @Post(':id/retry')
  @HttpCode(200)
  async retry(@Param() { id }: DeadLetterParams): Promise<{ retried: string[] }> {
    const retried = await this.deadLetters.retry([id]);
    if (retried.length === 0)
      throw new NotFoundException(`Không có thư chết (dead letter) nào mang mã ${id}`);
    return { retried };
  }
}
