/* The record form re-renders itself when a field that a condition reads changes: the element that
   had the focus (the next field, after Tab) gets it back, so the form stays usable from the keyboard. */
var PlinthForm = {
    focused: null,
    remember: function () {
        var active = document.activeElement;
        PlinthForm.focused = active && active.id ? active.id : null;
    },
    refocus: function () {
        var element = PlinthForm.focused ? document.getElementById(PlinthForm.focused) : null;
        if (element) {
            element.focus();
        }
    }
};
