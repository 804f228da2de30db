import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiBodyOptions,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { actorOf, AuthUser, CurrentUser, Roles } from '@cchc/auth';
import { uuidParam } from '@cchc/common';
import { SHEET_MAX_BYTES } from '@cchc/procedures';
import {
  AccountCreationService,
  AccountService,
  AccountView,
  CreateUserDto,
  ProvisionedAccountView,
  StaffImportService,
  UnitImportService,
  UnitsImportResult,
  UpdateUserDto,
  UsersImportResult,
} from '@cchc/provisioning';
import { ApiErrors, ApiSignedIn } from '../openapi';

const userId = uuidParam('id', 'của tài khoản');

const SHEET_BODY: ApiBodyOptions = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary' } },
  },
};

function sheetOf(file: Express.Multer.File | undefined, what: string) {
  if (!file)
    throw new BadRequestException(
      `file: cần gửi tệp ${what} CSV hoặc XLSX (trường "file", multipart/form-data)`,
    );
  return { fileName: Buffer.from(file.originalname, 'latin1').toString('utf8'), data: file.buffer };
}

/** A ward's admin manages its units and staff; every change is audited. */
@ApiTags('provisioning')
@ApiSignedIn()
@ApiErrors(403)
@Roles('admin')
@Controller()
export class ProvisioningController {
  constructor(
    private readonly accounts: AccountService,
    private readonly accountCreation: AccountCreationService,
    private readonly staffImport: StaffImportService,
    private readonly unitImport: UnitImportService,
  ) {}

  /** Columns: code (Mã đơn vị), name (Tên đơn vị); new codes added, known ones renamed. */
  @ApiOperation({ summary: 'Nhập danh sách đơn vị của phường từ tệp CSV hoặc XLSX' })
  @ApiOkResponse({ type: UnitsImportResult })
  @ApiErrors(400, 413)
  @ApiConsumes('multipart/form-data')
  @ApiBody(SHEET_BODY)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: SHEET_MAX_BYTES, files: 1 } }))
  @Post('units/import')
  @HttpCode(200)
  importUnits(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<UnitsImportResult> {
    return this.unitImport.import(actorOf(user), user.wardId, sheetOf(file, 'danh sách đơn vị'));
  }

  @ApiOperation({ summary: 'Mọi tài khoản của phường, kể cả tài khoản đã khóa' })
  @ApiOkResponse({ type: [AccountView] })
  @Get('users/accounts')
  list(@CurrentUser() user: AuthUser): Promise<AccountView[]> {
    return this.accounts.list(user.wardId);
  }

  /** The one-time password is in this answer only; the user changes it at first sign-in. */
  @ApiOperation({ summary: 'Tạo tài khoản với mật khẩu dùng một lần' })
  @ApiCreatedResponse({ type: ProvisionedAccountView })
  @ApiErrors(400, 409)
  @Post('users')
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateUserDto,
  ): Promise<ProvisionedAccountView> {
    return this.accountCreation.create(actorOf(user), user.wardId, dto);
  }

  /**
   * Columns: Họ và tên, Tên đăng nhập, Vai trò (code or label), Đơn vị (code or name), Email,
   * Số điện thoại. All rows or none; each new account's one-time password is in this answer only.
   */
  @ApiOperation({ summary: 'Nhập danh sách cán bộ từ tệp CSV hoặc XLSX (tất cả hoặc không)' })
  @ApiOkResponse({ type: UsersImportResult })
  @ApiErrors(400, 409, 413)
  @ApiConsumes('multipart/form-data')
  @ApiBody(SHEET_BODY)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: SHEET_MAX_BYTES, files: 1 } }))
  @Post('users/import')
  @HttpCode(200)
  importUsers(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<UsersImportResult> {
    return this.staffImport.import(actorOf(user), user.wardId, sheetOf(file, 'danh sách cán bộ'));
  }

  /** Role, unit, name, contact, or `active: false` to lock the account (its sessions stop at once). */
  @ApiOperation({ summary: 'Sửa tài khoản: vai trò, đơn vị, liên hệ, khóa hoặc mở khóa' })
  @ApiOkResponse({ type: AccountView })
  @ApiErrors(400, 404, 409)
  @Patch('users/:id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', userId) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<AccountView> {
    return this.accounts.update(actorOf(user), user.wardId, id, dto);
  }

  @ApiOperation({ summary: 'Cấp lại mật khẩu dùng một lần cho tài khoản' })
  @ApiOkResponse({ type: ProvisionedAccountView })
  @ApiErrors(400, 404, 409)
  @Post('users/:id/reset-password')
  @HttpCode(200)
  resetPassword(
    @CurrentUser() user: AuthUser,
    @Param('id', userId) id: string,
  ): Promise<ProvisionedAccountView> {
    return this.accounts.resetPassword(actorOf(user), user.wardId, id);
  }
}
