import type { AliasSource, ResolveUnit, UnitMatch } from '../types';
import { unitNameKey, withoutTypePrefix } from './unit-name-key';

export interface UnitRecord {
  id: string;
  code: string;
  name: string;
}

/** An editable alias: a name as plans write it, for one unit or for a group of units. */
export interface UnitAlias {
  alias: string;
  unitId?: string | null;
  groupCode?: string | null;
  /** Shipped with the product, or the ward's own; shown in the preview. */
  source?: AliasSource;
}

interface Target {
  unitId: string | null;
  groupCode: string | null;
  /** How the person knows this target, for messages. */
  label: string;
  /** The alias that leads here, when the name is not the unit's own. */
  via?: UnitMatch['alias'];
}

const targetId = (target: Target) => target.unitId ?? `group:${target.groupCode}`;

class TargetIndex {
  private readonly byKey = new Map<string, Map<string, Target>>();

  add(key: string, target: Target): void {
    if (key === '') return;
    const targets = this.byKey.get(key) ?? new Map<string, Target>();
    if (!targets.has(targetId(target))) targets.set(targetId(target), target);
    this.byKey.set(key, targets);
  }

  find(key: string | null): Target[] {
    return key === null ? [] : [...(this.byKey.get(key)?.values() ?? [])];
  }
}

/**
 * Maps a unit name as written in a plan to an org unit or a group of units. Names are compared
 * by `unitNameKey` (diacritics, case, punctuation, "&"/"và", abbreviations); a name without
 * its kind ("VHXH") matches a unit whose name has one ("Phòng VHXH") when only one does.
 * Anything unknown or ambiguous resolves to null with a note: never guessed.
 */
export function createUnitResolver(units: UnitRecord[], aliases: UnitAlias[] = []): ResolveUnit {
  const exact = new TargetIndex();
  const unprefixed = new TargetIndex();
  const nameOf = new Map(units.map((unit) => [unit.id, unit.name]));
  const register = (written: string, target: Target) => {
    const { key } = unitNameKey(written);
    exact.add(key, target);
    const short = withoutTypePrefix(key);
    if (short) unprefixed.add(short, target);
  };
  for (const unit of units) {
    const target = { unitId: unit.id, groupCode: null, label: unit.name };
    register(unit.name, target);
    // A code ('VHXH') is written like an abbreviation without the unit's kind: a weaker match.
    unprefixed.add(unitNameKey(unit.code).key, target);
  }
  for (const alias of aliases) {
    if (!alias.unitId && !alias.groupCode) continue;
    const label = alias.unitId ? (nameOf.get(alias.unitId) ?? alias.alias) : alias.alias;
    register(alias.alias, {
      unitId: alias.unitId ?? null,
      groupCode: alias.groupCode ?? null,
      label,
      via: { alias: alias.alias, source: alias.source ?? 'ward' },
    });
  }

  return (raw: string): UnitMatch => {
    const written = raw.trim();
    const { key, corrections } = unitNameKey(written);
    let found = exact.find(key);
    if (found.length === 0) found = unprefixed.find(key);
    if (found.length > 1) {
      const labels = found.map((target) => `'${target.label}'`).join(', ');
      return {
        unitId: null,
        groupCode: null,
        note: `'${written}' khớp với nhiều đơn vị (${labels}); cần chọn đơn vị.`,
      };
    }
    if (found.length === 0) return { unitId: null, groupCode: null };
    const [target] = found;
    const note =
      corrections.length > 0
        ? `Đã hiểu '${written}' là ${target.label} (${corrections.map(([from, to]) => `${from} → ${to}`).join(', ')}).`
        : undefined;
    return {
      unitId: target.unitId,
      groupCode: target.groupCode,
      ...(target.via ? { alias: target.via } : {}),
      ...(note ? { note } : {}),
    };
  };
}
