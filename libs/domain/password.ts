/** The password rule, shared by the API (which enforces it) and the console (which shows it). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_RULE =
  `Mật khẩu từ ${PASSWORD_MIN_LENGTH} đến ${PASSWORD_MAX_LENGTH} ký tự, có cả chữ cái và chữ số, ` +
  'không chứa tên đăng nhập';
