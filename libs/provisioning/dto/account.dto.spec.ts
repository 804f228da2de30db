import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ROLES } from '@cchc/domain';
import { assertAssignable, WARD_ASSIGNABLE_ROLES } from '../account-records';
import { CreateUserDto, UpdateUserDto } from './account.dto';

const WARD_ROLES_MESSAGE = `role phải là một trong: ${WARD_ASSIGNABLE_ROLES.join(', ')}`;

const roleProblems = async (type: new () => object, role: string) => {
  const dto = plainToInstance(type, { username: 'lan.vt', fullName: 'Vũ Thị Lan', role });
  const errors = await validate(dto);
  return errors.filter((error) => error.property === 'role').map((error) => error.constraints);
};

describe('account DTOs: the roles a ward admin gives', () => {
  it('accept every role the ward admin may give', async () => {
    for (const role of WARD_ASSIGNABLE_ROLES) {
      expect([role, await roleProblems(CreateUserDto, role)]).toEqual([role, []]);
      expect([role, await roleProblems(UpdateUserDto, role)]).toEqual([role, []]);
    }
  });

  it("refuse the operator's roles (and unknown ones), listing only the roles given", async () => {
    const others = [...ROLES.filter((role) => !WARD_ASSIGNABLE_ROLES.includes(role)), 'root'];
    expect(others).toEqual(['system_admin', 'province_officer', 'root']);
    for (const role of others) {
      expect(await roleProblems(CreateUserDto, role)).toEqual([{ isIn: WARD_ROLES_MESSAGE }]);
      expect(await roleProblems(UpdateUserDto, role)).toEqual([{ isIn: WARD_ROLES_MESSAGE }]);
    }
  });

  it('leave the services their own check (sheets, or a DTO not validated)', () => {
    expect(() => assertAssignable('province_officer', WARD_ASSIGNABLE_ROLES)).toThrow(
      'role: không được cấp vai trò Chuyên viên Sở Nội vụ; chỉ: chairman',
    );
    expect(() => assertAssignable('province_officer', ROLES)).not.toThrow();
  });
});
