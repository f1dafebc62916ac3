using MudBlazor;

namespace EditorialPortal.Integrity.Components.Layout;

/// <summary>
/// The application's colours: a deep teal of its own, so that an analyst always knows which application they are in,
/// and every colour that carries text, and every text colour, at a contrast of at least 4.5:1 against what it sits
/// on (WCAG 2.2 AA) in both themes, which the accessibility test checks with axe-core.
/// </summary>
public static class IntegrityTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5f5a",
            Secondary = "#7a3b12",
            Info = "#0b5cad",
            Success = "#1b6e20",
            Warning = "#7a4a00",
            Error = "#b3261e",
            AppbarBackground = "#0b4f4b",
            Background = "#f6f8f8",
            TextSecondary = "rgba(0,0,0,0.68)",
            ActionDefault = "rgba(0,0,0,0.68)",
            TextDisabled = "rgba(0,0,0,0.6)"
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7fd3cb",
            PrimaryContrastText = "#062522",
            Secondary = "#f2ad80",
            SecondaryContrastText = "#1f0e04",
            Info = "#8fcbff",
            InfoContrastText = "#07233d",
            Success = "#8fdc96",
            SuccessContrastText = "#0b2a0e",
            Warning = "#ffd07a",
            WarningContrastText = "#2e1e00",
            Error = "#ff9d95",
            ErrorContrastText = "#3b0906",
            AppbarBackground = "#0f2e2c",
            Background = "#1c2223",
            Surface = "#252c2d",
            DrawerBackground = "#252c2d",
            TextPrimary = "rgba(255,255,255,0.92)",
            TextSecondary = "rgba(255,255,255,0.75)",
            ActionDefault = "rgba(255,255,255,0.75)",
            TextDisabled = "rgba(255,255,255,0.6)"
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"]
            }
        }
    };
}
