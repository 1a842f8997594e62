import type { IdempotencyRepository } from '../../../core/common/idempotency-repository';
import type { TenantScope } from '../../../core/common/scope';
import type { SqlExecutor } from './sql-executor';

/** Idempotency keys in SQL. The primary key makes a second claim wait for, then see, the first one's result. */
export class IdempotencySqlRepository implements IdempotencyRepository {
  constructor(private readonly db: SqlExecutor) {}

  async claim(scope: TenantScope, key: string, now: string): Promise<string | undefined> {
    const inserted = await this.db.run(
      `INSERT INTO idempotency_keys (tenant_id, key, result, created_at) VALUES ($1, $2, NULL, $3)
       ON CONFLICT (tenant_id, key) DO NOTHING`,
      [scope.tenantId, key, now],
    );
    if (inserted === 1) return undefined;
    const [row] = await this.db.all<{ result: string | null }>(
      'SELECT result FROM idempotency_keys WHERE tenant_id = $1 AND key = $2',
      [scope.tenantId, key],
    );
    return row?.result ?? undefined;
  }

  async complete(scope: TenantScope, key: string, result: string): Promise<void> {
    this.db.write('UPDATE idempotency_keys SET result = $3 WHERE tenant_id = $1 AND key = $2', [
      scope.tenantId,
      key,
      result,
    ]);
  }
}
