import { SelectQueryBuilder } from 'typeorm';
import { ReformTaskEntity, TaskSearchTermEntity } from '@cchc/database';
import { escapeLike } from '@cchc/common';

/**
 * A term as the triggers of migration 1763803500000-task-search-terms cut them from a task's
 * title and content: a run of letters, marks and digits, lowercased, at most 64 characters.
 */
const TERM = /[\p{L}\p{M}\p{N}]+/gu;
const TERM_LENGTH = 64;

/**
 * A text search counts its matches up to here (the other lists to COUNT_CAP): each counted task's
 * title and content are read to confirm the phrase, about two rows per match for a common word,
 * and counting to 1,000 was 97% of the search's time in MariaDB (18 ms for a page of 20).
 */
export const TEXT_COUNT_CAP = 100;

/** The task list's order when it walks a term: the term rows copy the task's sort key. */
const TERM_LIST_ORDER = ['term.dueSort', 'term.createdAt', 'term.taskId'];

/**
 * `?text=`: the phrase in the title or content, case-insensitive, diacritics distinguished
 * ("hộ" ≠ "hồ"; `collation` is the server's `searchCollation`). The tasks holding one of the
 * phrase's words as a whole term are walked in the list's order, and the phrase is confirmed on
 * each; the other filters are checked on the same rows. The word walked is the longest (rarer
 * than a short one, most often) of those before the last: the last may still be being typed
 * ("hộ tị"), so it is walked only when it is the only one. Returns the sort the page must use:
 * the term's copy of the list's key, so that the index gives the page without a sort. A text
 * without a letter or digit reads the ward's tasks.
 */
export function matchText(
  builder: SelectQueryBuilder<ReformTaskEntity>,
  wardId: string,
  text: string,
  listOrder: string[],
  collation: string,
): string[] {
  const phrase = text.normalize('NFC');
  builder.andWhere(
    `(task.title LIKE :phrase COLLATE ${collation} OR task.content LIKE :phrase COLLATE ${collation})`,
    { phrase: `%${escapeLike(phrase)}%` },
  );
  const term = walkedTerm(phrase);
  if (!term) return listOrder;
  builder.innerJoin(
    TaskSearchTermEntity,
    'term',
    'term.taskId = task.id AND term.wardId = :termWardId AND term.term = :term',
    { termWardId: wardId, term },
  );
  return TERM_LIST_ORDER;
}

function walkedTerm(phrase: string): string | undefined {
  const terms = (phrase.toLowerCase().match(TERM) ?? []).map((word) =>
    [...word].slice(0, TERM_LENGTH).join(''),
  );
  if (terms.length > 1) terms.pop();
  return terms.reduce<string | undefined>(
    (longest, term) => (!longest || [...term].length > [...longest].length ? term : longest),
    undefined,
  );
}
