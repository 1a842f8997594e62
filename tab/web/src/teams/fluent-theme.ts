import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import type { TeamsThemeName } from './space-of-context';

/** The Fluent UI theme Teams uses for each of its themes. */
export function fluentThemeOf(name: TeamsThemeName): Theme {
  return name === 'dark' ? teamsDarkTheme : name === 'contrast' ? teamsHighContrastTheme : teamsLightTheme;
}
