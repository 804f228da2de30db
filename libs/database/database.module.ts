import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@cchc/common';
import { dataSourceOptions } from './data-source-options';
import { ENTITIES } from './entities';
import { ReadDatabase } from './read-database';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        dataSourceOptions(config.databaseUrl, config.databaseReadUrl),
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  providers: [ReadDatabase],
  exports: [TypeOrmModule, ReadDatabase],
})
export class DatabaseModule {}
