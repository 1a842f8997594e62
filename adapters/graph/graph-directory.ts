import type { Client } from '@microsoft/microsoft-graph-client';
import type { Directory, DirectoryProfile } from '../../core/people/directory';
import { graphFailure } from './graph-failure';

/** Graph's limit on the values of one `in` filter. */
const IDS_PER_REQUEST = 15;

/**
 * Users' job titles and e-mails from Microsoft Graph (application permission User.Read.All), asked for only
 * the fields needed (`$select`), fifteen users a request.
 */
export class GraphDirectory implements Directory {
  constructor(private readonly graph: Client) {}

  async profiles(_tenantId: string, aadObjectIds: readonly string[]): Promise<Map<string, DirectoryProfile>> {
    const found = new Map<string, DirectoryProfile>();
    for (let i = 0; i < aadObjectIds.length; i += IDS_PER_REQUEST) {
      const ids = aadObjectIds.slice(i, i + IDS_PER_REQUEST).filter((id) => /^[0-9a-fA-F-]{32,40}$/.test(id));
      if (ids.length === 0) continue;
      try {
        const page = (await this.graph
          .api('/users')
          .filter(`id in (${ids.map((id) => `'${id}'`).join(',')})`)
          .select(['id', 'mail', 'jobTitle'])
          .get()) as { value: { id: string; mail?: string | null; jobTitle?: string | null }[] };
        for (const user of page.value)
          found.set(user.id.toLowerCase(), {
            ...(user.mail ? { email: user.mail } : {}),
            ...(user.jobTitle ? { jobTitle: user.jobTitle.slice(0, 200) } : {}),
          });
      } catch (err) {
        throw graphFailure(err, 'read people’s job titles from the directory', 'User.Read.All');
      }
    }
    return found;
  }
}
