package org.ganbench.ui.training;

/**
 * Keeps the Training view's controls and its {@link TrainingForm} in step: an edit of one control goes into the
 * form, then the form (the algorithm's defaults, the preset matched, which fields apply, their tooltips) back into
 * all of them.
 */
final class FormControls {
    private final TrainingForm form;
    private final TrainingView view;
    private final Runnable changed;
    /** Set while the form is copied into the controls, whose listeners then copy nothing back. */
    private boolean showing;

    /** @param changed told after every change (to check the form again) */
    FormControls(TrainingForm form, TrainingView view, Runnable changed) {
        this.form = form;
        this.view = view;
        this.changed = changed;
        view.algorithm.valueProperty().addListener((o, old, now) -> edit(() -> form.setAlgorithm(now)));
        view.preset.valueProperty().addListener((o, old, now) -> edit(() -> form.applyPreset(now)));
        view.fields.forEach((field, text) -> text.textProperty().addListener(
                (o, old, now) -> edit(() -> form.setText(field, now))));
        show();
    }

    private void edit(Runnable change) {
        if (!showing) {
            change.run();
            show();
        }
    }

    private void show() {
        showing = true;
        view.algorithm.setValue(form.algorithm());
        view.preset.setValue(form.preset());
        view.fields.forEach((field, text) -> {
            if (!text.getText().equals(form.text(field))) {
                text.setText(form.text(field));
            }
            text.setDisable(!field.appliesTo(form.algorithm()));
            view.tooltips.get(field).setText(field.help(form.algorithm()));
        });
        showing = false;
        changed.run();
    }
}
