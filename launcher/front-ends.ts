// What a gateway process allows its front ends, from the environment (docs/front-ends.md): the CORS
// origins and the registered operations. Apart from environment.ts, which subgraph processes load too.
import { optional } from '../core/config';
import { corsOrigins } from '../gateway/cors';
import { trustedDocumentsFrom, type TrustedDocuments } from '../gateway/trusted-documents';

export function frontEndOptions(): { corsOrigins: string[]; trustedDocuments: TrustedDocuments } {
  return {
    corsOrigins: corsOrigins(optional('CORS_ORIGINS')),
    trustedDocuments: trustedDocumentsFrom(optional('TRUSTED_DOCUMENTS'), optional('TRUSTED_DOCUMENTS_REQUIRED')),
  };
}
