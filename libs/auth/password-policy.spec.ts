import { oneTimePassword, passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('refuses short, letter-only, digit-only and user-name passwords, naming the field', () => {
    expect(passwordProblem('abc123', 'lan.vt')).toBe('newPassword: cần từ 10 đến 128 ký tự');
    expect(passwordProblem('khongcoso-nao', 'lan.vt')).toBe(
      'newPassword: cần có cả chữ cái và chữ số',
    );
    expect(passwordProblem('1234567890123', 'lan.vt')).toBe(
      'newPassword: cần có cả chữ cái và chữ số',
    );
    expect(passwordProblem('LAN.VT-2026-xyz', 'lan.vt')).toBe(
      'newPassword: không được chứa tên đăng nhập',
    );
    expect(passwordProblem('x'.repeat(120) + '123456789', 'lan.vt')).toMatch(/128 ký tự/);
  });

  it('takes a long password with letters (Vietnamese ones too) and digits', () => {
    expect(passwordProblem('Phường Mẫu 2026', 'lan.vt')).toBeNull();
    expect(passwordProblem('correct-horse-7', 'lan.vt')).toBeNull();
  });
});

describe('oneTimePassword', () => {
  it('is random, without look-alike characters, and passes the rule', () => {
    const passwords = Array.from({ length: 200 }, oneTimePassword);
    expect(new Set(passwords).size).toBe(200);
    for (const password of passwords) {
      expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{14}$/);
      expect(passwordProblem(password, 'lan.vt')).toBeNull();
    }
  });
});
