import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { endOfDayInstant } from '@cchc/calendar';
import { EscalationEntity } from '@cchc/database';
import { ListEscalationsQuery } from './dto/list-escalations.query';

const DAY_MS = 86_400_000;

/** The reminders, overdue notices and escalations that happened in a ward. */
@Injectable()
export class EscalationService {
  constructor(
    @InjectRepository(EscalationEntity) private readonly escalations: Repository<EscalationEntity>,
  ) {}

  list(wardId: string, query: ListEscalationsQuery): Promise<EscalationEntity[]> {
    const builder = this.escalations
      .createQueryBuilder('e')
      .where('e.wardId = :wardId', { wardId });
    if (query.level !== undefined) builder.andWhere('e.level = :level', { level: query.level });
    if (query.kind) builder.andWhere('e.kind = :kind', { kind: query.kind });
    if (query.leadUnitId)
      builder.andWhere('e.leadUnitId = :leadUnitId', { leadUnitId: query.leadUnitId });
    // from/to are days in Vietnam: from its first to its last millisecond.
    if (query.from)
      builder.andWhere('e.firedAt >= :from', {
        from: new Date(endOfDayInstant(query.from).getTime() + 1 - DAY_MS),
      });
    if (query.to) builder.andWhere('e.firedAt <= :to', { to: endOfDayInstant(query.to) });
    return builder.orderBy('e.firedAt', 'DESC').addOrderBy('e.id', 'DESC').take(500).getMany();
  }
}
