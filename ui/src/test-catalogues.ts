// Vitest setup (vitest.config.ts): the unit tests translate synchronously, so the three catalogues are
// registered up front instead of being read on demand as in the app.
import en from '../../src-tauri/crates/ponte-core/locales/en.json';
import it from '../../src-tauri/crates/ponte-core/locales/it.json';
import ptBR from '../../src-tauri/crates/ponte-core/locales/pt-BR.json';
import { registerCatalogue } from './i18n';

registerCatalogue('pt-BR', ptBR);
registerCatalogue('it', it);
registerCatalogue('en', en);
