import { KeyValueStore } from './ports';

function storeOver(properties: GoogleAppsScript.Properties.Properties): KeyValueStore {
  return {
    get: (key) => properties.getProperty(key),
    set: (key, value) => {
      properties.setProperty(key, value);
    },
    remove: (key) => {
      properties.deleteProperty(key);
    },
  };
}

/** The current user's properties; in a custom function, the spreadsheet owner's (Apps Script's rule). */
export const userProperties = (): KeyValueStore => storeOver(PropertiesService.getUserProperties());
export const scriptProperties = (): KeyValueStore => storeOver(PropertiesService.getScriptProperties());
