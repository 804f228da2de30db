import { TargetComparator, TargetMetric, TargetUnit } from './metrics';

/** A target read from a plan's narrative, for the coordinator to confirm or drop. */
export interface SuggestedTarget {
  /** The sentence the target was read from, as the plan writes it (lines joined). */
  sentence: string;
  /** The narrative line the sentence's item starts on. */
  sourceRow: number;
  unit: TargetUnit | null;
  comparator: TargetComparator | null;
  value: number | null;
  /** Set for "hạn chế tối đa …": a target without a figure. */
  qualitative: string | null;
  /** The computed metric the sentence seems to be about; null: the value is entered. */
  metric: TargetMetric | null;
}

export interface NarrativeLine {
  sourceRow: number;
  text: string;
}

const SECTION_HEADING = /^(?:([IVX]+)|(\d+))\.\s*(.*)$/;
const TARGET_SECTION = /m[ụu]c ti[êe]u|ch[ỉi] ti[êe]u/i;
const ITEM_START = /^(?:\d+|[a-zđ])[.)]\s+/i;
const PERCENT = /(\d+(?:[.,]\d+)?)\s*%/;
/** A rank ("top 15", "nhóm 30 đơn vị dẫn đầu"): at most that place. */
const RANK = /\b(?:top|nhóm)\s+(\d{1,3})\b/i;
/** A count of things; years ("năm 2026") are not counts. */
const COUNT =
  /(?<![\d/.])(\d{1,4})\s+(?:đơn vị|hồ sơ|nhiệm vụ|cơ quan|thủ tục|văn bản|cuộc|lượt|cán bộ|công chức)/i;
const QUALITATIVE = /hạn chế tối đa[^.;]*/i;

/**
 * The targets a plan's narrative states: the lines of its "Mục tiêu" / "Chỉ tiêu" part (the
 * whole narrative when it has no such heading) joined into items ("1.", "a)"), split into
 * sentences, and each sentence carrying a percentage, a count or a rank — or the qualitative
 * "hạn chế tối đa …" — read into a suggested target. Nothing is judged beyond the sentence.
 */
export function suggestTargets(lines: NarrativeLine[]): SuggestedTarget[] {
  return itemsOf(targetSection(lines)).flatMap((item) =>
    sentencesOf(item.text).flatMap((sentence) => {
      const target = readSentence(sentence);
      return target ? [{ ...target, sentence, sourceRow: item.sourceRow }] : [];
    }),
  );
}

function clean(text: string): string {
  return text.replace(/\*\*/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The lines under a targets heading, to the next heading of the same or a higher level. */
function targetSection(lines: NarrativeLine[]): NarrativeLine[] {
  const cleaned = lines
    .map((line) => ({ sourceRow: line.sourceRow, text: clean(line.text) }))
    .filter((line) => line.text !== '');
  const sections: NarrativeLine[][] = [];
  for (let index = 0; index < cleaned.length; index++) {
    const heading = SECTION_HEADING.exec(cleaned[index].text);
    if (!heading || !TARGET_SECTION.test(heading[3]) || heading[3].length > 120) continue;
    const roman = heading[1] !== undefined;
    let end = index + 1;
    while (end < cleaned.length) {
      const next = SECTION_HEADING.exec(cleaned[end].text);
      if (next && (next[1] !== undefined || (!roman && next[2] !== undefined))) break;
      end++;
    }
    sections.push(cleaned.slice(index + 1, end));
    index = end - 1;
  }
  return sections.length > 0 ? sections.flat() : cleaned;
}

/** Lines joined into items: a line starting "1." or "a)" opens one, the others continue it. */
function itemsOf(lines: NarrativeLine[]): NarrativeLine[] {
  const items: NarrativeLine[] = [];
  for (const line of lines) {
    const last = items.at(-1);
    if (ITEM_START.test(line.text) || !last) {
      items.push({ sourceRow: line.sourceRow, text: line.text.replace(ITEM_START, '') });
    } else {
      last.text = `${last.text} ${line.text}`;
    }
  }
  return items;
}

/** Sentences end at ". " or "; " before a capital letter. */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.;])\s+(?=\p{Lu})/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

type ReadTarget = Omit<SuggestedTarget, 'sentence' | 'sourceRow'>;

function readSentence(sentence: string): ReadTarget | null {
  const metric = metricOf(sentence);
  const percent = PERCENT.exec(sentence);
  if (percent) {
    const value = Number(percent[1].replace(',', '.'));
    const before = sentence.slice(0, percent.index).toLowerCase();
    const comparator: TargetComparator = /tối đa|không quá|dưới\s*$/.test(before)
      ? 'lte'
      : value === 100
        ? 'eq'
        : 'gte';
    return { unit: 'percent', comparator, value, qualitative: null, metric };
  }
  const rank = RANK.exec(sentence);
  if (rank) {
    return { unit: 'count', comparator: 'lte', value: Number(rank[1]), qualitative: null, metric };
  }
  const count = COUNT.exec(sentence);
  if (count) {
    return { unit: 'count', comparator: 'gte', value: Number(count[1]), qualitative: null, metric };
  }
  const qualitative = QUALITATIVE.exec(sentence);
  if (qualitative) {
    return {
      unit: null,
      comparator: null,
      value: null,
      qualitative: clean(qualitative[0]).slice(0, 500),
      metric,
    };
  }
  return null;
}

/** The computed metric a sentence is about, from its words; null when it is entered. */
function metricOf(sentence: string): TargetMetric | null {
  const text = sentence.toLowerCase();
  if (/xin lỗi/.test(text)) return 'apology_coverage';
  if (/tự kiểm tra/.test(text)) return 'units_self_inspected';
  if (/hồ sơ/.test(text) && /(đúng hạn|trước hạn|đúng thời hạn)/.test(text))
    return 'dossiers_on_time';
  if (/nhiệm vụ/.test(text) && /kế hoạch/.test(text))
    return /(tiến độ|đúng hạn)/.test(text) ? 'tasks_on_time' : 'tasks_completed';
  return null;
}
