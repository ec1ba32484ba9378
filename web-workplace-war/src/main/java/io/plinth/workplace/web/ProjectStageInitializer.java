package io.plinth.workplace.web;

import io.plinth.kernel.config.InvalidConfigurationException;
import io.plinth.kernel.config.Settings;
import jakarta.faces.application.ProjectStage;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Arrays;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sets {@code jakarta.faces.PROJECT_STAGE} from the configuration key {@value #KEY}, so the stage
 * can be changed per environment (PLINTH_FACES_PROJECT_STAGE) without rebuilding the WAR. It runs
 * before Faces starts; web.xml therefore does not declare the parameter, which would win.
 */
public class ProjectStageInitializer implements ServletContainerInitializer {

    public static final String KEY = "plinth.faces.project-stage";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        Settings settings = new Settings(ConfigProvider.getConfig(context.getClassLoader()));
        String stage = settings.text(KEY);
        if (Arrays.stream(ProjectStage.values()).noneMatch(known -> known.name().equals(stage))) {
            throw new InvalidConfigurationException(KEY, "must be one of " + Arrays.toString(ProjectStage.values())
                    + ", was '" + stage + "'");
        }
        context.setInitParameter(ProjectStage.PROJECT_STAGE_PARAM_NAME, stage);
    }
}
