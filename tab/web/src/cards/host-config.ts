import type { Theme } from '@fluentui/react-components';

/**
 * An Adaptive Cards host config from the Teams theme in use, so cards in the tab look as they do in Teams'
 * chat: Teams' font, the theme's text and accent colours, attention red for errors.
 */
export function hostConfigFor(theme: Theme): Record<string, unknown> {
  const colours = (normal: string, subtle: string) => ({ default: normal, subtle });
  const foreground = {
    default: colours(theme.colorNeutralForeground1, theme.colorNeutralForeground3),
    dark: colours(theme.colorNeutralForeground1, theme.colorNeutralForeground3),
    light: colours(theme.colorNeutralForeground2, theme.colorNeutralForeground3),
    accent: colours(theme.colorBrandForeground1, theme.colorBrandForeground2),
    good: colours(theme.colorPaletteGreenForeground1, theme.colorPaletteGreenForeground2),
    warning: colours(theme.colorPaletteDarkOrangeForeground1, theme.colorPaletteDarkOrangeForeground2),
    attention: colours(theme.colorPaletteRedForeground1, theme.colorPaletteRedForeground2),
  };
  return {
    fontFamily: theme.fontFamilyBase,
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 12, large: 16, extraLarge: 24, padding: 16 },
    fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    containerStyles: {
      default: { backgroundColor: theme.colorNeutralBackground1, foregroundColors: foreground },
      emphasis: { backgroundColor: theme.colorNeutralBackground2, foregroundColors: foreground },
    },
    inputs: {
      label: { inputSpacing: 'small', requiredInputs: { suffix: ' *' } },
      errorMessage: { size: 'small' },
    },
    actions: { maxActions: 5, buttonSpacing: 8, actionsOrientation: 'horizontal', actionAlignment: 'left' },
  };
}
