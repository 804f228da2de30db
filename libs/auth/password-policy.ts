import { randomInt } from 'node:crypto';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@cchc/domain';

/** Why a new password is refused (PASSWORD_RULE), in Vietnamese; null when it is strong enough. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH)
    return `newPassword: cần từ ${PASSWORD_MIN_LENGTH} đến ${PASSWORD_MAX_LENGTH} ký tự`;
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password))
    return 'newPassword: cần có cả chữ cái và chữ số';
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    return 'newPassword: không được chứa tên đăng nhập';
  return null;
}

// No look-alikes (0/O, 1/l/I), so that a password read out over the phone is typed right.
const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const ALPHABET = LETTERS + DIGITS;
const ONE_TIME_LENGTH = 14;

/** A random one-time password (about 80 bits), with letters and digits. */
export function oneTimePassword(): string {
  for (;;) {
    let password = '';
    for (let i = 0; i < ONE_TIME_LENGTH; i++) password += ALPHABET[randomInt(ALPHABET.length)];
    if (/[a-zA-Z]/.test(password) && /\d/.test(password)) return password;
  }
}
