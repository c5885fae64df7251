module app.modular {
    requires org.jasyncio;
}
