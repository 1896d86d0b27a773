/**
 * A writer process for the fault suite: saves COUNT profiles named PREFIX-i, each with a secret, into
 * the data folder DIR through the app's own services, then prints how many saves it reported done.
 * Usage: node --import tsx tests/helpers/store-writer.ts DIR PREFIX COUNT
 */
import { EMPTY_DRAFT } from '../../shared/profile';
import { testAppServices } from './app-services';

const [dir, prefix, countText] = process.argv.slice(2);
if (!dir || !prefix || !countText) throw new Error('usage: store-writer DIR PREFIX COUNT');
const services = testAppServices(dir);
let done = 0;
for (let i = 0; i < Number(countText); i++) {
  await services.profiles.save({
    draft: {
      ...EMPTY_DRAFT,
      name: `${prefix}-${i}`,
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      samlAppId: '11111111-2222-3333-4444-555555555555',
      clientId: '99999999-8888-7777-6666-555555555555',
      webUrl: 'https://octopus.contoso.com/',
    },
    secret: { action: 'replace', value: `abc8Q~${prefix}-secret-${i}-0123456789abcdefghij` },
  });
  done++;
}
process.stdout.write(`${done}\n`);
