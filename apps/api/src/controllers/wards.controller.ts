import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorOf, AuthUser, CurrentUser, Roles } from '@cchc/auth';
import { CreateWardDto, WardCreatedView, WardService, WardView } from '@cchc/provisioning';
import { ApiErrors, ApiSignedIn } from '../openapi';

/** The province's wards; the system administrator creates them with their first admin. */
@ApiTags('provisioning')
@ApiSignedIn()
@ApiErrors(403)
@Roles('system_admin')
@Controller('wards')
export class WardsController {
  constructor(private readonly wards: WardService) {}

  @ApiOperation({ summary: 'Các phường/xã của tỉnh' })
  @ApiOkResponse({ type: [WardView] })
  @Get()
  list(): Promise<WardView[]> {
    return this.wards.list();
  }

  /** With `admin`, the ward's first admin and their one-time password (shown only here). */
  @ApiOperation({ summary: 'Tạo phường/xã và quản trị đơn vị đầu tiên' })
  @ApiCreatedResponse({ type: WardCreatedView })
  @ApiErrors(400, 409)
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateWardDto): Promise<WardCreatedView> {
    return this.wards.create(actorOf(user), dto);
  }
}
