import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '@cchc/auth';
import { COUNT_CAP, countUpTo, KeysetPage, keysetPage, KeyValue, rowsByIds } from '@cchc/common';
import { ProcedureEntity, ReadDatabase, TthcDossierEntity } from '@cchc/database';
import { WorkflowEngine } from '@cchc/engine';
import {
  DossierSearch,
  dossierSearch,
  filterIndexes,
  SearchPlan,
  searchPlan,
} from './dossier-search';
import { DossierView, toDossierView } from './dossier-view';
import { ListDossiersQuery } from './dto/list-dossiers.query';

/**
 * Overdue now, as the figures' openOverdue counts it: judged by its appointment and marked
 * overdue or past it (also before the timer marked it). The view's `isOverdueOn` is the same rule.
 */
export const OVERDUE_SQL =
  '(dossier.mayBeOverdue = 1 AND (dossier.overdue = 1 OR dossier.appointmentDate < :today))';

export type DossierPage = KeysetPage<DossierView>;

/**
 * The dossier list's order, a unique key: idx_dossiers_list serves it, and each filter's index
 * (idx_dossiers_list_*) after the filter's columns.
 */
const DOSSIER_LIST_ORDER = ['dossier.appointmentDate', 'dossier.receivedAt', 'dossier.id'];
const dossierListKey = (dossier: TthcDossierEntity): KeyValue[] => [
  dossier.appointmentDate,
  dossier.receivedAt,
  dossier.id,
];

/** The ward's dossier list: filters and keyset pages, read on the read replica. */
@Injectable()
export class DossierListService {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly reads: ReadDatabase,
  ) {}

  /** A page of the list, from the read replica (it may be a moment behind). */
  list(user: AuthUser, query: ListDossiersQuery): Promise<DossierPage> {
    return this.reads.run((manager) => this.page(manager, user, query));
  }

  private async page(
    manager: EntityManager,
    user: AuthUser,
    query: ListDossiersQuery,
  ): Promise<DossierPage> {
    const builder = manager
      .getRepository(TthcDossierEntity)
      .createQueryBuilder('dossier')
      .where('dossier.wardId = :wardId', { wardId: user.wardId });
    if (query.state) builder.andWhere('dossier.state = :state', { state: query.state });
    if (query.handlingUnitId) {
      builder.andWhere('dossier.handlingUnitId = :unitId', { unitId: query.handlingUnitId });
    }
    if (query.receivedFrom) {
      builder.andWhere('dossier.receivedOn >= :from', { from: query.receivedFrom });
    }
    if (query.receivedTo) builder.andWhere('dossier.receivedOn <= :to', { to: query.receivedTo });
    if (query.appointmentFrom) {
      builder.andWhere('dossier.appointmentDate >= :appointmentFrom', {
        appointmentFrom: query.appointmentFrom,
      });
    }
    if (query.appointmentTo) {
      builder.andWhere('dossier.appointmentDate <= :appointmentTo', {
        appointmentTo: query.appointmentTo,
      });
    }
    if (query.apology) {
      builder.andWhere('dossier.apologyStatus = :apology', { apology: query.apology });
    }
    const search = query.q ? dossierSearch(query.q) : null;
    if (search) {
      builder.andWhere(`dossier.${search.property} LIKE :search`, { search: search.pattern });
    }
    const plan =
      search && (await this.searchPlan(manager, user.wardId, search, filterIndexes(query)));
    const today = this.engine.today();
    if (query.overdue !== undefined) {
      builder.andWhere(query.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`, { today });
    }
    const { rows, ...page } = await keysetPage(
      manager,
      builder,
      query,
      DOSSIER_LIST_ORDER,
      dossierListKey,
      // A search reads the indexes searchPlan names: its own range (few matches, sorted), or
      // the list's or its filters' index walked in order (many), checking it on their entries.
      // Dossiers received in a period sit together in the appointment order, not spread along it,
      // so MariaDB's estimate would walk the ward's list from its start: read the period's
      // entries and sort them instead.
      plan
        ? { index: plan.indexes, countCap: plan.countCap }
        : { index: query.receivedFrom ? 'idx_dossiers_list_received' : undefined },
    );
    const procedures = rows.length
      ? await rowsByIds<ProcedureEntity>(manager, manager.connection.getMetadata(ProcedureEntity), [
          ...new Set(rows.map((row) => row.procedureId)),
        ])
      : [];
    const byId = new Map(procedures.map((procedure) => [procedure.id, procedure]));
    return {
      ...page,
      items: rows.map((row) =>
        toDossierView(row, byId.get(row.procedureId) as ProcedureEntity, user, today),
      ),
    };
  }

  /**
   * The indexes a search reads: with other filters, after counting the prefix's matches alone
   * (up to COUNT_CAP + 1 entries of the search's own index, no row read; a statement more).
   */
  private async searchPlan(
    manager: EntityManager,
    wardId: string,
    search: DossierSearch,
    filters: string[] | null,
  ): Promise<SearchPlan> {
    if (!filters) return searchPlan(search, null);
    const matches = await countUpTo(
      manager,
      `SELECT 1 FROM tthc_dossiers USE INDEX (${search.index})
       WHERE ward_id = ? AND ${search.column} LIKE ?`,
      [wardId, search.pattern],
      COUNT_CAP,
    );
    return searchPlan(search, filters, matches);
  }
}
