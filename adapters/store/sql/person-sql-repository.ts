import type { TenantScope } from '../../../core/common/scope';
import type { ContactDetails, Person, TeamsUser } from '../../../core/people/person';
import type { PersonRepository } from '../../../core/people/person-repository';
import type { DirectoryProfile } from '../../../core/people/directory';
import { nullable, optional } from './columns';
import { Params, type SqlExecutor } from './sql-executor';

interface PersonRow {
  tenant_id: string;
  id: string;
  kind: Person['kind'];
  display_name: string;
  email: string | null;
  phone: string | null;
  job_title: string | null;
  aad_object_id: string | null;
  partner_id: string | null;
}

const COLUMNS = 'tenant_id, id, kind, display_name, email, phone, job_title, aad_object_id, partner_id';

function toPerson(r: PersonRow): Person {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    kind: r.kind,
    displayName: r.display_name,
    email: optional(r.email),
    phone: optional(r.phone),
    jobTitle: optional(r.job_title),
    aadObjectId: optional(r.aad_object_id),
    partnerId: optional(r.partner_id),
  };
}

/** People in SQL. */
export class PersonSqlRepository implements PersonRepository {
  constructor(private readonly db: SqlExecutor) {}

  async upsertUser(scope: TenantScope, id: string, user: TeamsUser, now: string): Promise<Person> {
    // Most writes come from someone already known with the same name: then one read and no write.
    const known = await this.findByAadObjectId(scope, user.aadObjectId);
    if (
      known &&
      known.displayName === user.displayName &&
      (user.email === undefined || known.email === user.email)
    )
      return known;
    // Keeps the first id for an Entra user; refreshes the name and e-mail Teams reports now.
    const [row] = await this.db.all<PersonRow>(
      `INSERT INTO people (tenant_id, id, kind, display_name, email, aad_object_id, created_at, updated_at)
       VALUES ($1, $2, 'user', $3, $4, $5, $6, $6)
       ON CONFLICT (tenant_id, aad_object_id) DO UPDATE
         SET display_name = excluded.display_name,
             email = COALESCE(excluded.email, people.email),
             updated_at = excluded.updated_at
       RETURNING ${COLUMNS}`,
      [scope.tenantId, id, user.displayName, nullable(user.email), user.aadObjectId.toLowerCase(), now],
    );
    return toPerson(row!);
  }

  async insertContact(
    scope: TenantScope,
    id: string,
    partnerId: string,
    details: ContactDetails,
    now: string,
  ): Promise<Person> {
    const [row] = await this.db.all<PersonRow>(
      `INSERT INTO people (tenant_id, id, kind, display_name, email, phone, job_title, partner_id, created_at, updated_at)
       VALUES ($1, $2, 'contact', $3, $4, $5, $6, $7, $8, $8)
       RETURNING ${COLUMNS}`,
      [
        scope.tenantId,
        id,
        details.displayName,
        nullable(details.email),
        nullable(details.phone),
        nullable(details.jobTitle),
        partnerId,
        now,
      ],
    );
    return toPerson(row!);
  }

  async updateContact(scope: TenantScope, id: string, details: ContactDetails, now: string): Promise<void> {
    await this.db.run(
      `UPDATE people SET display_name = $3, email = $4, phone = $5, job_title = $6, updated_at = $7
       WHERE tenant_id = $1 AND id = $2 AND kind = 'contact'`,
      [
        scope.tenantId,
        id,
        details.displayName,
        nullable(details.email),
        nullable(details.phone),
        nullable(details.jobTitle),
        now,
      ],
    );
  }

  async getMany(scope: TenantScope, ids: readonly string[]): Promise<Person[]> {
    if (ids.length === 0) return [];
    const p = new Params();
    const rows = await this.db.all<PersonRow>(
      `SELECT ${COLUMNS} FROM people WHERE tenant_id = ${p.add(scope.tenantId)} AND id IN (${p.list(ids)})`,
      p.values,
    );
    return rows.map(toPerson);
  }

  async findByAadObjectId(scope: TenantScope, aadObjectId: string): Promise<Person | undefined> {
    const [row] = await this.db.all<PersonRow>(
      `SELECT ${COLUMNS} FROM people WHERE tenant_id = $1 AND aad_object_id = $2`,
      [scope.tenantId, aadObjectId.toLowerCase()],
    );
    return row && toPerson(row);
  }

  async needingProfile(scope: TenantScope, before: string, limit: number): Promise<Person[]> {
    const rows = await this.db.all<PersonRow>(
      `SELECT ${COLUMNS} FROM people WHERE tenant_id = $1 AND kind = 'user' AND aad_object_id IS NOT NULL
         AND (profile_checked_at IS NULL OR profile_checked_at < $2)
       ORDER BY profile_checked_at NULLS FIRST, id LIMIT $3`,
      [scope.tenantId, before, limit],
    );
    return rows.map(toPerson);
  }

  async saveProfile(scope: TenantScope, id: string, profile: DirectoryProfile, now: string): Promise<void> {
    await this.db.run(
      `UPDATE people SET job_title = COALESCE($1, job_title), email = COALESCE($2, email), profile_checked_at = $3
       WHERE tenant_id = $4 AND id = $5 AND kind = 'user'`,
      [nullable(profile.jobTitle), nullable(profile.email), now, scope.tenantId, id],
    );
  }
}
