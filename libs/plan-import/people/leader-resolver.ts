import { foldKey } from '../text/fold';

/** A person who may lead a task (chairman or vice-chairman). */
export interface LeaderRecord {
  id: string;
  fullName: string;
  role: 'chairman' | 'leader';
}

export interface LeaderMatch {
  userId: string | null;
  /** Why nobody was chosen, for the person importing. */
  note?: string;
}

export type ResolveLeader = (raw: string) => LeaderMatch;

const contains = (text: string, words: string) => ` ${text} `.includes(` ${words} `);

/** The office a piece of the cell names, if any: "Phó Chủ tịch"/"PCT", or "Chủ tịch"/"CT". */
function officeOf(text: string): LeaderRecord['role'] | null {
  if (contains(text, 'pho chu tich') || contains(text, 'pct')) return 'leader';
  if (contains(text, 'chu tich') || contains(text, 'ct')) return 'chairman';
  return null;
}

/**
 * "PCT Hương", "Phó Chủ tịch UBND Hải", "CT Thành": an office and, right after it, a given name;
 * only there, as given names are words too ("An", "Bình"), and never "phường"/"xã" ("các PCT UBND
 * phường" names no one called Phương: such a leader is found by full name).
 */
const OFFICE_THEN_GIVEN_NAME =
  /(?:^| )(pho chu tich|pct|chu tich|ct)(?: ubnd)? (?!(?:ubnd|phuong|xa)(?: |$))([a-z]+)(?= |$)/;

/** The one leader of the office a cell names by office and given name ("PCT Hương"), if any. */
function byOfficeAndGivenName(text: string, leaders: LeaderRecord[]): LeaderRecord[] {
  const found = OFFICE_THEN_GIVEN_NAME.exec(text);
  if (!found) return [];
  const [, office, given] = found;
  const role = officeOf(office);
  return leaders.filter(
    (leader) => leader.role === role && foldKey(leader.fullName).split(' ').pop() === given,
  );
}

/**
 * Maps the "Lãnh đạo phụ trách" cell to a user: by full name ("Đ/c Nguyễn Văn Thành"), by office
 * and given name ("PCT Hương", when one leader of that office bears it), or
 * "Chủ tịch UBND" to the ward's only chairman. "Phó Chủ tịch" alone names nobody in
 * particular when a ward has several; anything not certain is left for a person. A cell that
 * names someone besides the one found ("Chủ tịch, Phó Chủ tịch UBND") keeps that one, with a
 * note.
 */
export function createLeaderResolver(leaders: LeaderRecord[]): ResolveLeader {
  const resolveWhole = (raw: string): LeaderMatch => {
    const text = foldKey(raw);
    const byName = leaders.filter((leader) => contains(text, foldKey(leader.fullName)));
    if (byName.length === 1) return { userId: byName[0].id };
    const byGivenName = byName.length === 0 ? byOfficeAndGivenName(text, leaders) : [];
    if (byGivenName.length === 1) return { userId: byGivenName[0].id };
    const chairmen = leaders.filter((leader) => leader.role === 'chairman');
    const vices = leaders.filter((leader) => leader.role === 'leader');
    const namesChairman = contains(text, 'chu tich') && !contains(text, 'pho chu tich');
    if (byName.length === 0 && namesChairman && chairmen.length === 1)
      return { userId: chairmen[0].id };
    if (byName.length === 0 && contains(text, 'pho chu tich') && vices.length === 1)
      return { userId: vices[0].id };
    return {
      userId: null,
      note: `Chưa xác định được lãnh đạo phụ trách '${raw}'; cần chọn người sau khi nhập.`,
    };
  };
  return (raw) => {
    const match = resolveWhole(raw);
    const chosen = leaders.find((leader) => leader.id === match.userId);
    if (!chosen) return match;
    const parts = raw.split(/[,;\n+]|\s+và\s+/i).filter((part) => part.trim() !== '');
    const someoneElse = parts.some((part) => {
      const own = resolveWhole(part);
      if (own.userId) return own.userId !== chosen.id;
      const office = officeOf(foldKey(part));
      return office !== null && office !== chosen.role;
    });
    return someoneElse
      ? {
          userId: chosen.id,
          note: `Ô lãnh đạo phụ trách '${raw}' ghi nhiều người; đã lấy ${chosen.fullName}, cần kiểm tra.`,
        }
      : match;
  };
}
