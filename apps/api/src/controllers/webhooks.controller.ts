import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@cchc/auth';
import { uuidParam } from '@cchc/common';
import { WebhookDeliveryEntity } from '@cchc/database';
import { CreateWebhookDto, WebhookService, WebhookView } from '@cchc/webhooks';
import { ApiErrors, ApiSignedIn } from '../openapi';
import { WebhookDeliveryDto, WebhookViewDto } from './webhooks.dto';

@ApiTags('webhooks')
@ApiSignedIn()
@ApiErrors(403)
@Roles('coordinator', 'chairman')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhookService) {}

  @ApiOperation({ summary: 'Đăng ký webhook nhận sự kiện của phường' })
  @ApiCreatedResponse({ type: WebhookViewDto })
  @ApiErrors(400)
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateWebhookDto): Promise<WebhookView> {
    return this.webhooks.create(user.wardId, user.id, dto);
  }

  @ApiOperation({ summary: 'Các webhook của phường' })
  @ApiOkResponse({ type: [WebhookViewDto] })
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<WebhookView[]> {
    return this.webhooks.list(user.wardId);
  }

  @ApiOperation({ summary: 'Nhật ký gửi của một webhook' })
  @ApiOkResponse({ type: [WebhookDeliveryDto] })
  @ApiErrors(400, 404)
  @Get(':id/deliveries')
  deliveries(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id', 'của webhook')) id: string,
  ): Promise<WebhookDeliveryEntity[]> {
    return this.webhooks.deliveriesOf(user.wardId, id);
  }
}
