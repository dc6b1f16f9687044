/** The Schedule section: how often the reports refresh themselves, and how the last run went. */
import type { ScheduleView } from '../reports/contract';
import { SCHEDULE_CHOICES, SidebarApi } from '../ui/sidebar-api';
import { Remote } from './bridge';
import { busy, byId, el, errorText, formatInstant, setText, show } from './dom';

export interface ScheduleSection {
  render(view: ScheduleView): void;
}

export function scheduleSection(server: Remote<SidebarApi>): ScheduleSection {
  const form = byId<HTMLFormElement>('schedule-form');
  const select = byId<HTMLSelectElement>('schedule-frequency');
  const button = byId<HTMLButtonElement>('save-schedule');
  const error = byId('schedule-error');
  select.append(
    ...SCHEDULE_CHOICES.map(({ value, label }) => el('option', { text: label, attrs: { value } })),
  );

  const render = (view: ScheduleView): void => {
    select.value = view.frequency;
    setText(byId('schedule-last-run'), formatInstant(view.lastRun));
    setText(byId('schedule-last-result'), view.lastResult || '—');
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    show(error, false);
    const frequency = SCHEDULE_CHOICES.find((choice) => choice.value === select.value)?.value ?? 'off';
    // The choice is locked while saving, so the answer cannot overwrite a newer choice.
    select.disabled = true;
    void busy(button, 'Saving…', async () => {
      try {
        render(await server.sidebarSetSchedule(frequency));
      } catch (failure) {
        setText(error, errorText(failure));
        show(error, true);
      } finally {
        select.disabled = false;
      }
    });
  });

  return { render };
}
