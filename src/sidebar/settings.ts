/** The Account section: verify-and-save the key, show who it belongs to (masked), remove it, allow formulas. */
import type { SettingsView, SidebarApi } from '../ui/sidebar-api';
import { Remote } from './bridge';
import { busy, byId, errorText, setText, show } from './dom';

export interface SettingsSection {
  render(view: SettingsView): void;
}

export function settingsSection(server: Remote<SidebarApi>, onKeyChange: () => void): SettingsSection {
  const account = byId('account');
  const keyForm = byId<HTMLFormElement>('key-form');
  const keyInput = byId<HTMLInputElement>('api-key');
  const keyLabel = byId('api-key-label');
  const saveButton = byId<HTMLButtonElement>('save-key');
  const removeButton = byId<HTMLButtonElement>('remove-key');
  const keyError = byId('key-error');
  const formulas = byId<HTMLInputElement>('formulas-allowed');
  const formulasError = byId('formulas-error');

  const render = (view: SettingsView): void => {
    show(account, view.maskedKey !== null);
    setText(byId('masked-key'), view.maskedKey ?? '');
    setText(byId('account-name'), view.account?.name || (view.account ? '(no name)' : ''));
    setText(byId('account-email'), view.account?.email ?? '');
    const accountError = byId('account-error');
    setText(accountError, view.accountError ? errorText(new Error(view.accountError)) : '');
    show(accountError, Boolean(view.accountError));
    setText(keyLabel, view.maskedKey ? 'Replace API key' : 'API key');
    formulas.checked = view.formulasAllowed;
  };

  const fail = (where: HTMLElement, error: unknown): void => {
    setText(where, errorText(error));
    show(where, true);
  };

  keyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    show(keyError, false);
    const key = keyInput.value;
    void busy(saveButton, 'Checking…', async () => {
      try {
        render(await server.sidebarSaveKey(key));
        // The key leaves the page as soon as it is saved: only its mask stays.
        keyInput.value = '';
        onKeyChange();
      } catch (error) {
        fail(keyError, error);
        keyInput.focus();
      }
    });
  });

  removeButton.addEventListener('click', () => {
    show(keyError, false);
    void busy(removeButton, 'Removing…', async () => {
      try {
        render(await server.sidebarRemoveKey());
        keyInput.focus();
        onKeyChange();
      } catch (error) {
        fail(keyError, error);
      }
    });
  });

  formulas.addEventListener('change', () => {
    const wanted = formulas.checked;
    show(formulasError, false);
    formulas.disabled = true;
    server
      .sidebarAllowFormulas(wanted)
      .then(render)
      .catch((error: unknown) => {
        formulas.checked = !wanted;
        fail(formulasError, error);
      })
      .finally(() => {
        formulas.disabled = false;
        formulas.focus();
      });
  });

  return { render };
}
