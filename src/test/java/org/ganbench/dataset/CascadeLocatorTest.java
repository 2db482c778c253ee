package org.ganbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ganbench.common.UserDirs;
import org.ganbench.common.UserSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CascadeLocatorTest {
    @TempDir
    Path tmp;

    private Path home() {
        return tmp.resolve("home");
    }

    private UserDirs xdg() {
        return UserDirs.of(Map.of("XDG_CONFIG_HOME", tmp.resolve("cfg").toString(),
                "XDG_CACHE_HOME", tmp.resolve("cache").toString()), home());
    }

    private static Path touch(Path p) throws Exception {
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "<opencv_storage/>");
    }

    @Test
    void userDirsHonourXdgAndFallBackToHome() {
        assertEquals(tmp.resolve("cfg/ganbench/settings.json"), xdg().settingsFile());
        assertEquals(tmp.resolve("cache/ganbench"), xdg().cache());
        UserDirs plain = UserDirs.of(Map.of("XDG_CACHE_HOME", "relative/is/ignored"), home());
        assertEquals(home().resolve(".config/ganbench"), plain.config());
        assertEquals(home().resolve(".cache/ganbench"), plain.cache());
    }

    @Test
    void looksInOrderExplicitSettingAssetsAppDirCache() throws Exception {
        Path workspace = tmp.resolve("ws");
        Path app = tmp.resolve("app");
        CascadeLocator locator = new CascadeLocator(xdg(), workspace, app);
        Path cached = touch(locator.cacheFile());
        assertEquals(cached, locator.locate(null));
        Path besideJar = touch(app.resolve("assets/lbpcascade_animeface.xml"));
        assertEquals(besideJar, locator.locate(null));
        Path inAssets = touch(workspace.resolve("assets/lbpcascade_animeface.xml"));
        assertEquals(inAssets, locator.locate(null));
        Path configured = touch(tmp.resolve("mine/cascade.xml"));
        new UserSettings(xdg().settingsFile()).put(CascadeLocator.SETTING, configured.toString());
        assertEquals(configured, locator.locate(null));
        Path explicit = touch(tmp.resolve("explicit.xml"));
        assertEquals(explicit, locator.locate(explicit));
    }

    @Test
    void anExplicitCascadeThatIsMissingIsAnErrorEvenWhenOthersExist() throws Exception {
        CascadeLocator locator = new CascadeLocator(xdg(), tmp.resolve("ws"), null);
        touch(locator.cacheFile());
        var e = assertThrows(CascadeLocator.CascadeNotFoundException.class,
                () -> locator.locate(tmp.resolve("typo.xml")));
        assertTrue(e.getMessage().contains("typo.xml"), e.getMessage());
    }

    @Test
    void missingCascadeSaysWhereItLookedAndHowToGetIt() throws Exception {
        Path workspace = tmp.resolve("ws");
        CascadeLocator locator = new CascadeLocator(xdg(), workspace, tmp.resolve("app"));
        new UserSettings(xdg().settingsFile()).put(CascadeLocator.SETTING, tmp.resolve("gone.xml").toString());
        var e = assertThrows(CascadeLocator.CascadeNotFoundException.class, () -> locator.locate(null));
        String msg = e.getMessage();
        for (String place : new String[] {"gone.xml", workspace.resolve("assets").toString(),
                tmp.resolve("app/assets").toString(), locator.cacheFile().toString(), "ganbench fetch-cascade"}) {
            assertTrue(msg.contains(place), "message lacks " + place + ":\n" + msg);
        }
    }

    @Test
    void malformedSettingsFileIsAClearError() throws Exception {
        Files.createDirectories(xdg().config());
        Files.writeString(xdg().settingsFile(), "{not json");
        CascadeLocator locator = new CascadeLocator(xdg(), tmp.resolve("ws"), null);
        var e = assertThrows(java.io.IOException.class, () -> locator.locate(null));
        assertTrue(e.getMessage().contains("settings.json") && e.getMessage().contains("not valid JSON"), e.getMessage());
    }
}
