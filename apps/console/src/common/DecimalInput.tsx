import { type FormRule, Input, type InputProps } from 'antd';
import { useState } from 'react';
import { parseDecimal } from './format';

/** With a DecimalInput: text that is no number is refused beside the field, and nothing sent. */
export const DECIMAL_RULE: FormRule = { type: 'number', message: 'Nhập một số, ví dụ 7,5' };

type Value = number | string | null | undefined;

/**
 * A number field that keeps what was typed: antd's InputNumber puts the last number back when
 * the text typed is none, without a word. The form gets the number ("7,5" or "7.5" → 7.5), the
 * text itself when it is no number (then DECIMAL_RULE says so), nothing when it is empty.
 */
export function DecimalInput({
  value,
  onChange,
  style,
  ...props
}: Omit<InputProps, 'value' | 'onChange'> & {
  value?: Value;
  onChange?: (value: Value) => void;
}) {
  const [text, setText] = useState(() => shown(value));
  // The form may set the value itself (its initial values, a reset): then show that value.
  const agrees =
    typeof value === 'number'
      ? parseDecimal(text) === value
      : value == null
        ? text.trim() === ''
        : value === text;
  return (
    <Input
      inputMode="decimal"
      style={{ width: 160, ...style }}
      {...props}
      value={agrees ? text : shown(value)}
      onChange={(event) => {
        const typed = event.target.value;
        setText(typed);
        onChange?.(typed.trim() === '' ? undefined : (parseDecimal(typed) ?? typed));
      }}
    />
  );
}

/** A value as the field shows it: a number the Vietnamese way (7.5 → "7,5"). */
function shown(value: Value): string {
  return typeof value === 'number' ? String(value).replace('.', ',') : (value ?? '');
}
