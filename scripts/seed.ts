// `npm run seed`: loads the demo data into a running system (GATEWAY_URL, default localhost:4000).
import { dataDir, optional } from '../core/config';
import { seedDemoData } from './seed-data';

seedDemoData(optional('GATEWAY_URL') ?? 'http://localhost:4000/graphql', dataDir()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
