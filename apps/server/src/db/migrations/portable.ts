import type { CreateTableBuilder } from 'kysely';
import type { Dialect } from '../connect.ts';

/** An auto-increment integer primary key named `id`, spelled the way each dialect wants it. */
export function autoIncrementId<T extends string>(builder: CreateTableBuilder<T>, dialect: Dialect) {
  return dialect === 'postgres'
    ? builder.addColumn('id', 'bigserial', (col) => col.primaryKey())
    : builder.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement());
}
