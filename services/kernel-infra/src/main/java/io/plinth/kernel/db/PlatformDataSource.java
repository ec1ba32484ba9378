package io.plinth.kernel.db;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/**
 * The platform's PostgreSQL data source, defined once by the server ({@code jdbc/plinth} in
 * liberty-config/plinth-datasource.xml): pooled, JTA-enlisted, with pool metrics.
 */
@ApplicationScoped
public class PlatformDataSource {

    public static final String JNDI_NAME = "jdbc/plinth";

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    @Produces
    DataSource dataSource() {
        return dataSource;
    }
}
