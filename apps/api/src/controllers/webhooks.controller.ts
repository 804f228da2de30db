import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@cchc/auth';
import { WebhookDeliveryEntity } from '@cchc/database';
import { CreateWebhookDto, WebhookService, WebhookView } from '@cchc/webhooks';

@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('coordinator', 'chairman')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhookService) {}

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateWebhookDto): Promise<WebhookView> {
    return this.webhooks.create(user.wardId, user.id, dto);
  }

  @Get()
  list(@CurrentUser() user: AuthUser): Promise<WebhookView[]> {
    return this.webhooks.list(user.wardId);
  }

  @Get(':id/deliveries')
  deliveries(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
  ): Promise<WebhookDeliveryEntity[]> {
    return this.webhooks.deliveriesOf(user.wardId, id);
  }
}
