package procbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;

@DisplayName("Resolving points")
class PointsResolverTest {

    @Points(4)
    static class Worth4 {
        void plain() {
        }

        @Points(9)
        void nine() {
        }

        static class Inner {
            void inner() {
            }
        }

        @Points(-2)
        void negative() {
        }
    }

    static class Subclass extends Worth4 {
        void own() {
        }
    }

    @Test
    @DisplayName("takes the method's points, else its class's, an enclosing class's or a superclass's, else 1")
    void lookup() {
        // GIVEN methods with and without @Points, in classes with and without
        // WHEN their points are resolved
        // THEN the nearest @Points counts
        assertThat(PointsResolver.pointsOf(MethodSource.from(Worth4.class.getName(), "nine"))).isEqualTo(9);
        assertThat(PointsResolver.pointsOf(MethodSource.from(Worth4.class.getName(), "plain"))).isEqualTo(4);
        assertThat(PointsResolver.pointsOf(MethodSource.from(Worth4.Inner.class.getName(), "inner"))).isEqualTo(4);
        assertThat(PointsResolver.pointsOf(MethodSource.from(Subclass.class.getName(), "own"))).isEqualTo(4);
        assertThat(PointsResolver.pointsOf(ClassSource.from(PointsResolverTest.class))).isEqualTo(1);
        assertThat(PointsResolver.pointsOf(null)).isEqualTo(1);
    }

    @Test
    @DisplayName("refuses points below 1, saying where")
    void refusesBelowOne() {
        // GIVEN a method marked @Points(-2)
        // WHEN its points are resolved
        // THEN the error names the method
        assertThatThrownBy(() -> PointsResolver.pointsOf(MethodSource.from(Worth4.class.getName(), "negative")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("@Points(-2) on " + Worth4.class.getName() + ".negative: a test is worth at least 1 point");
    }

    @Test
    @DisplayName("counts 1 for a test whose class cannot be loaded")
    void unknownClass() {
        // GIVEN a method source of a class that does not exist
        // WHEN its points are resolved
        // THEN it is worth the default
        assertThat(PointsResolver.pointsOf(MethodSource.from("no.such.Test", "m"))).isEqualTo(1);
    }
}
