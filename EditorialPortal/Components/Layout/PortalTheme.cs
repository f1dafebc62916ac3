using MudBlazor;

namespace EditorialPortal.Components.Layout;

/// <summary>
/// The portal's colours. Every colour that carries text, and every text colour, keeps a contrast of at least 4.5:1
/// against what it sits on (WCAG 2.2 AA), in both themes: the accessibility tests check each page with axe-core.
/// </summary>
public static class PortalTheme
{
    public const string LightBackground = "#f7f8fa";
    public const string DarkBackground = "#1e2228";

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#8a3b12",
            Info = "#0b5cad",
            Success = "#1b6e20",
            Warning = "#7a4a00",
            Error = "#b3261e",
            AppbarBackground = "#1f4e79",
            Background = LightBackground,
            TextSecondary = "rgba(0,0,0,0.68)",
            ActionDefault = "rgba(0,0,0,0.68)"
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8cbdf0",
            PrimaryContrastText = "#0b1e30",
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
            AppbarBackground = "#14263a",
            Background = DarkBackground,
            Surface = "#262b33",
            DrawerBackground = "#262b33",
            TextPrimary = "rgba(255,255,255,0.92)",
            TextSecondary = "rgba(255,255,255,0.75)",
            ActionDefault = "rgba(255,255,255,0.75)"
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
